CLAIMCHECK_SEARCH.add("t:we",{"wednesdai":[35,27],"week":[0,19,35,49]});
