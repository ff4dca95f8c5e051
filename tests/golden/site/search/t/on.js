CLAIMCHECK_SEARCH.add("t:on",{"on":[24,40],"onli":[30,27,4,12,1,15,1,19,1,21,1,21]});
