CLAIMCHECK_SEARCH.add("t:ca",{"calendar":[35,27],"call":[24,34,4,38],"came":[0,15,6,19,29,18,1,23],"cannot":[34,21],"carri":[23,41]});
