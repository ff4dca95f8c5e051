CLAIMCHECK_SEARCH.add("t:wa",{"wall":[3,42,1,39,21,46],"warrant":[8,54]});
