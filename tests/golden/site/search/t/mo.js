CLAIMCHECK_SEARCH.add("t:mo",{"mondai":[35,27],"monitor":[7,38,1,23,29,41],"month":[5,19,14,20,15,36],"most":[19,51],"move":[13,26]});
