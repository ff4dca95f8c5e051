CLAIMCHECK_SEARCH.add("t:tw",{"two":[0,19,12,27]});
