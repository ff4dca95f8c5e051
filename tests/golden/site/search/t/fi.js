CLAIMCHECK_SEARCH.add("t:fi",{"firm":[4,39,11,39,1,36],"first":[17,47],"fit":[34,21]});
