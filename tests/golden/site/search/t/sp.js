CLAIMCHECK_SEARCH.add("t:sp",{"spoke":[34,21]});
