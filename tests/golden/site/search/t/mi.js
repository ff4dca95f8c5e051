CLAIMCHECK_SEARCH.add("t:mi",{"militari":[1,28,1,26,1,28,1,27,1,25,1,26,3,17,1,27]});
