CLAIMCHECK_SEARCH.add("t:cr",{"crack":[16,49],"crucial":[13,42,2,45]});
