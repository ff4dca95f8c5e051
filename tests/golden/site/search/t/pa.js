CLAIMCHECK_SEARCH.add("t:pa",{"part":[16,49],"past":[34,33]});
