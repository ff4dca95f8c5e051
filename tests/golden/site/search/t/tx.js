CLAIMCHECK_SEARCH.add("t:tx",{"txt":[34,21]});
