CLAIMCHECK_SEARCH.add("t:cu",{"current":[16,21,6,38],"cut":[13,50]});
