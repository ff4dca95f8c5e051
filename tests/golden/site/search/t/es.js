CLAIMCHECK_SEARCH.add("t:es",{"escal":[0,19,12,46]});
