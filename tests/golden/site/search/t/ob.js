CLAIMCHECK_SEARCH.add("t:ob",{"obtain":[0,40,17,39]});
