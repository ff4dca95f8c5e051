CLAIMCHECK_SEARCH.add("t:ce",{"certain":[0,47]});
