CLAIMCHECK_SEARCH.add("t:en",{"end":[10,52,5,45],"engag":[11,58]});
