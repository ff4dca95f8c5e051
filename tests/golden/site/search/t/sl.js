CLAIMCHECK_SEARCH.add("t:sl",{"slightli":[34,21]});
