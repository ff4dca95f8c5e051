CLAIMCHECK_SEARCH.add("t:ri",{"risk":[2,52]});
