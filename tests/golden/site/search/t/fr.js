CLAIMCHECK_SEARCH.add("t:fr",{"frame":[34,21]});
