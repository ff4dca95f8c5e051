CLAIMCHECK_SEARCH.add("t:tr",{"trump":[0,25,1,26,1,13,8,13,1,16,2,22,3,19,6,28,12,9]});
