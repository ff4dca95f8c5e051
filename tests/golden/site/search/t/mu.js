CLAIMCHECK_SEARCH.add("t:mu",{"must":[0,47]});
