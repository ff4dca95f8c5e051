CLAIMCHECK_SEARCH.add("t:gr",{"grow":[19,51]});
