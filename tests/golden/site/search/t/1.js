CLAIMCHECK_SEARCH.add("t:1",{"1":[35,27]});
