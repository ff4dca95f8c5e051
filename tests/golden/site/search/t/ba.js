CLAIMCHECK_SEARCH.add("t:ba",{"background":[14,21,3,14,1,17,1,17,1,16],"ban":[5,42,12,39]});
