CLAIMCHECK_SEARCH.add("t:gu",{"guess":[31,38]});
