CLAIMCHECK_SEARCH.add("t:me",{"measur":[8,54]});
