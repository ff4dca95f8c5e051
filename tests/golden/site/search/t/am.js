CLAIMCHECK_SEARCH.add("t:am",{"american":[0,26,6,29,9,29,2,26,18,26,1,29]});
