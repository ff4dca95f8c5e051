CLAIMCHECK_SEARCH.add("t:ef",{"effort":[16,49]});
