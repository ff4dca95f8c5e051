CLAIMCHECK_SEARCH.add("t:ai",{"aim":[4,52]});
