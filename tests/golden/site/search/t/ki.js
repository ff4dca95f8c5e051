CLAIMCHECK_SEARCH.add("t:ki",{"kirin":[19,43,15,18]});
