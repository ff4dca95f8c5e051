CLAIMCHECK_SEARCH.add("t:le",{"letter":[0,15,2,35,21,28,12,36]});
