CLAIMCHECK_SEARCH.add("t:ta",{"take":[8,54]});
