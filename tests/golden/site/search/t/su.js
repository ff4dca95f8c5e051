CLAIMCHECK_SEARCH.add("t:su",{"subsidiari":[2,52],"sundai":[35,27],"suppli":[1,34,1,32,16,32,13,23,3,20],"supplier":[17,39,13,41],"suspect":[3,29,1,24]});
