CLAIMCHECK_SEARCH.add("t:ow",{"own":[34,21]});
