CLAIMCHECK_SEARCH.add("t:eq",{"equip":[6,39,11,35,19,39]});
