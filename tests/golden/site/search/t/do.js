CLAIMCHECK_SEARCH.add("t:do",{"doe":[10,35,21,26,6,25,1,26],"down":[16,49]});
