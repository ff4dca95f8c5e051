CLAIMCHECK_SEARCH.add("t:si",{"silicon":[14,48,13,35]});
