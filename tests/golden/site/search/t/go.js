CLAIMCHECK_SEARCH.add("t:go",{"go":[16,49],"govern":[2,27,2,24,11,25,2,26,1,27,3,34,7,34]});
