CLAIMCHECK_SEARCH.add("t:ur",{"url":[34,21]});
