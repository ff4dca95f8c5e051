CLAIMCHECK_SEARCH.add("t:af",{"affili":[20,43,14,28],"after":[6,21,12,39,18,25]});
