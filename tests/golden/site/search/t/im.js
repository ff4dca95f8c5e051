CLAIMCHECK_SEARCH.add("t:im",{"impact":[19,51],"impos":[0,17,31,29,3,30]});
