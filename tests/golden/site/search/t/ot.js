CLAIMCHECK_SEARCH.add("t:ot",{"other":[5,42,8,42]});
