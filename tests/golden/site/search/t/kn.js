CLAIMCHECK_SEARCH.add("t:kn",{"known":[35,18,1,23,1,25,1,26]});
