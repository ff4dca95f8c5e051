CLAIMCHECK_SEARCH.add("t:gi",{"giant":[0,14,17,14,12,30,2,23,3,24],"give":[35,23,1,29]});
