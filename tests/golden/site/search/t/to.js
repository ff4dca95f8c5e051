CLAIMCHECK_SEARCH.add("t:to",{"told":[0,47]});
