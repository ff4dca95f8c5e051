CLAIMCHECK_SEARCH.add("t:ju",{"juli":[18,24,16,18]});
