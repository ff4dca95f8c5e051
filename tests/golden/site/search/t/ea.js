CLAIMCHECK_SEARCH.add("t:ea",{"earlier":[5,22,29,18]});
