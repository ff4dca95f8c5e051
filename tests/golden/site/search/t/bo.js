CLAIMCHECK_SEARCH.add("t:bo",{"both":[24,40]});
