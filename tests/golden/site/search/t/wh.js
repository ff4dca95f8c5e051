CLAIMCHECK_SEARCH.add("t:wh",{"when":[22,45],"whether":[5,50],"whoever":[31,38]});
