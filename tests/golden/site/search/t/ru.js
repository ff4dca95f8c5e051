CLAIMCHECK_SEARCH.add("t:ru",{"rule":[34,21]});
