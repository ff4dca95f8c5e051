CLAIMCHECK_SEARCH.add("t:au",{"august":[20,20,14,30,1,20],"author":[31,33,3,18]});
