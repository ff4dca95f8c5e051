CLAIMCHECK_SEARCH.add("t:di",{"direct":[0,14,12,33,6,32,5,25,12,16]});
